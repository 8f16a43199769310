/** QR scanning at the door, only where the browser has both a camera API and BarcodeDetector (Chrome on
 * Android, for instance). Everywhere else the check-in screen offers code entry alone. */

interface DetectedBarcode {
  rawValue: string;
}

export interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}

interface BarcodeDetectorClass {
  new (options?: { formats?: string[] }): BarcodeDetectorLike;
  getSupportedFormats?: () => Promise<string[]>;
}

/** What the scanner needs from the page's globals (passed in so tests can fake them). */
export interface ScanEnvironment {
  BarcodeDetector?: unknown;
  navigator?: { mediaDevices?: { getUserMedia?: unknown } };
}

/** The BarcodeDetector constructor if scanning QR codes can work here, else undefined. Never throws. */
export async function qrDetectorClass(env: ScanEnvironment = globalThis as ScanEnvironment): Promise<BarcodeDetectorClass | undefined> {
  try {
    const Detector = env.BarcodeDetector as BarcodeDetectorClass | undefined;
    if (typeof Detector !== "function") return undefined;
    if (typeof env.navigator?.mediaDevices?.getUserMedia !== "function") return undefined;
    if (typeof Detector.getSupportedFormats === "function") {
      const formats = await Detector.getSupportedFormats();
      if (!formats.includes("qr_code")) return undefined;
    }
    return Detector;
  } catch {
    return undefined;
  }
}

/** The check-in code in a scanned text: the QR holds the code itself (8 letters and digits, maybe a dash). */
export function codeFromScan(raw: string): string {
  return raw.trim().slice(0, 64);
}
