import * as assert from 'node:assert/strict';
import { fitZoom, MIN_FIT_ZOOM } from '../../../webview/map/zoom';

describe('module map zoom to fit', () => {
  const map = { width: 800, height: 400 };

  it('waits while the canvas has no size yet, instead of shrinking the map to a quarter', () => {
    // Seen: the map opened unfitted with ~6 px labels, fitted against a canvas not laid out yet.
    assert.equal(fitZoom(map, { width: 0, height: 0 }), undefined);
    assert.equal(fitZoom(map, { width: -16, height: 300 }), undefined);
  });

  it('fits a map that is larger than the canvas, never above actual size', () => {
    assert.equal(fitZoom(map, { width: 700, height: 400 }), 0.875);
    assert.equal(fitZoom(map, { width: 2000, height: 2000 }), 1);
  });

  it('keeps labels readable: a map far larger than the canvas scrolls at the smallest readable zoom', () => {
    assert.equal(fitZoom({ width: 4000, height: 3000 }, { width: 600, height: 400 }), MIN_FIT_ZOOM);
    assert.ok(13 * MIN_FIT_ZOOM >= 9.5, 'a 13 px label stays near 10 px');
  });
});
