// A standalone SVG of the map: the drawing uses --vscode-* variables that mean nothing outside
// VS Code, so the export copies each element's computed colours and fonts onto the copy.

const PROPERTIES = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-family', 'font-size', 'font-weight'] as const;

export function standaloneSvg(live: SVGSVGElement): string {
  const copy = live.cloneNode(true) as SVGSVGElement;
  const liveNodes = [live, ...Array.from(live.querySelectorAll('*'))];
  const copyNodes = [copy, ...Array.from(copy.querySelectorAll('*'))];
  liveNodes.forEach((node, i) => {
    const target = copyNodes[i];
    if (!target || node instanceof SVGTitleElement) return;
    const style = getComputedStyle(node);
    for (const p of PROPERTIES) {
      const value = style.getPropertyValue(p);
      if (value) target.setAttribute(p, value);
    }
    target.removeAttribute('tabindex');
    target.removeAttribute('class');
  });
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  const box = live.viewBox.baseVal;
  background.setAttribute('x', String(box.x));
  background.setAttribute('y', String(box.y));
  background.setAttribute('width', String(box.width));
  background.setAttribute('height', String(box.height));
  background.setAttribute('fill', getComputedStyle(document.body).backgroundColor || 'white');
  copy.insertBefore(background, copy.firstChild);
  copy.setAttribute('width', String(box.width));
  copy.setAttribute('height', String(box.height));
  return new XMLSerializer().serializeToString(copy);
}
