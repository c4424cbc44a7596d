// Shared by the drill recorder and the drill history page (no server imports, so the page may load it).
/** Engine minutes a drill is observed after its first bar close. */
export const DRILL_OBSERVE_MINUTES = 10;
