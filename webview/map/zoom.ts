// How much the module map is zoomed when it is fitted to its canvas. Pure, so it is unit-tested.

/** Below this a label (the editor's ~13 px font) drops under ~10 px: the map scrolls instead. */
export const MIN_FIT_ZOOM = 0.75;
export const MIN_ZOOM = 0.25;
export const MAX_ZOOM = 4;

/**
 * The zoom at which the map fits a canvas of the given inner size: never above actual size,
 * never below MIN_FIT_ZOOM (a large map scrolls rather than shrinking its labels to a few
 * pixels). Undefined while the canvas has no size yet (the panel is still being laid out, or
 * hidden): fit again once it has one.
 */
export function fitZoom(map: { width: number; height: number }, canvas: { width: number; height: number }): number | undefined {
  if (canvas.width <= 0 || canvas.height <= 0) return undefined;
  if (map.width <= 0 || map.height <= 0) return 1;
  const fit = Math.min(canvas.width / map.width, canvas.height / map.height);
  return Math.min(1, Math.max(MIN_FIT_ZOOM, fit));
}
