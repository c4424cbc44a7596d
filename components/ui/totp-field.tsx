"use client";
// The authenticator-code field of a step-up dialog: six digits at most, digits only, offered to the
// password manager as a one-time code. The label says when it is needed.
export function TotpField({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  return (
    <label className="stack">
      <span>{label}</span>
      <input
        value={value}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, "").slice(0, 6))}
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="\d{6}"
      />
    </label>
  );
}
