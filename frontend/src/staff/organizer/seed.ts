/** The organizer's draw seed (docs/hearings-draw.md): made in the browser, only its SHA-256 leaves it
 * until the draw. The hash is over exactly the seed's UTF-8 bytes, as `printf '%s' "$SEED" | sha256sum`. */

/** 32 random bytes as 64 lower-case hex digits (256 bits: far beyond the 128 the rules ask for). */
export function generateSeed(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** SHA-256 of a text's UTF-8 bytes, as lower-case hex (SubtleCrypto). */
export async function sha256Hex(text: string, subtle: SubtleCrypto = crypto.subtle): Promise<string> {
  const digest = await subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Whether the browser can make a seed here (SubtleCrypto needs a secure context: HTTPS or localhost). */
export function canMakeSeed(): boolean {
  return typeof crypto !== "undefined" && typeof crypto.getRandomValues === "function" && Boolean(crypto.subtle);
}
