// The settings a new waiting room starts with: the operator console gives
// every new concert these, and the demo seed uses them too. Plain data, so the
// seed script can import it.
export const DEFAULT_ROOM_SETTINGS = {
  capacity: 100,
  admissionRatePerMinute: 600,
  admissionWindowSeconds: 600,
  claimWindowSeconds: 60,
} as const;
