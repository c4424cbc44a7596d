"use client";
// The new-ticket sound: a short two-tone beep made with Web Audio (no file to load), and the
// desk user's on/off choice kept in localStorage so it survives reloads and applies to every tab.
import { useCallback, useSyncExternalStore } from "react";

const KEY = "md-liquidation-sound";
const CHANGE = "md-liquidation-sound-change";

let audio: AudioContext | null = null;

/** Plays ~0.3 s of sound; silently does nothing where Web Audio is missing or blocked. */
export function playTicketBeep(): void {
  if (typeof window === "undefined" || typeof window.AudioContext !== "function") return;
  try {
    audio ??= new window.AudioContext();
    // Browsers start the context suspended until the page has had a user gesture.
    void audio.resume();
    const start = audio.currentTime;
    for (const [i, freq] of [880, 1175].entries()) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = "sine";
      osc.frequency.value = freq;
      const t0 = start + i * 0.14;
      gain.gain.setValueAtTime(0.0001, t0);
      gain.gain.exponentialRampToValueAtTime(0.2, t0 + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.13);
      osc.connect(gain).connect(audio.destination);
      osc.start(t0);
      osc.stop(t0 + 0.14);
    }
  } catch {
    // A beep is a courtesy; the badge and the queue still show the ticket.
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

const readSound = () => window.localStorage.getItem(KEY) !== "off";

/** [sound on?, set it]; on by default. */
export function useTicketSound(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribe, readSound, () => true);
  const set = useCallback((next: boolean) => {
    window.localStorage.setItem(KEY, next ? "on" : "off");
    window.dispatchEvent(new Event(CHANGE));
  }, []);
  return [on, set];
}
