/** An SVG from the API turned into a data: URL, so that it can only ever be an image, never markup in the page. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** A check-in QR code, shown as an <img> (the SVG string is never injected as HTML). */
export function QrImage({ svg, alt }: { svg: string; alt: string }) {
  return <img className="qr" src={svgDataUrl(svg)} alt={alt} width={174} height={174} />;
}
