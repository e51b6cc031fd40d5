import type { CSSProperties } from "react";
import styles from "./concert-poster.module.css";

/** Hues that carry white text well: indigo, purple, rose, crimson, vermilion, teal, ocean, blue. */
const POSTER_HUES = [245, 285, 330, 350, 12, 172, 198, 222];

/** A stable colour per concert (FNV-1a of its id), so each card has its own look without images. */
function hueOf(id: string): number {
  let hash = 0x811c9dc5;
  for (const char of id) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return POSTER_HUES[hash % POSTER_HUES.length]!;
}

/** Decorative artwork: the artist's name set large on the concert's colour. */
export function ConcertPoster({ id, artist, size = "card" }: { id: string; artist: string; size?: "card" | "banner" }) {
  const hue = hueOf(id);
  return (
    <div
      className={`${styles.poster} ${size === "banner" ? styles.banner : ""}`}
      style={{ "--poster-hue": hue } as CSSProperties}
      aria-hidden="true"
    >
      <span className={styles.mark}>♪</span>
      <span className={styles.artist}>{artist}</span>
    </div>
  );
}
