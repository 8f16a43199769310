import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { codeFromScan, qrDetectorClass, type BarcodeDetectorLike } from "./barcode";

const SCAN_EVERY_MS = 300;
const SAME_CODE_PAUSE_MS = 3000;

/** A camera QR scanner, offered only when the browser can do it; otherwise nothing is shown. */
export function QrScanner({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation("organizer");
  const [available, setAvailable] = useState(false);
  const [on, setOn] = useState(false);
  useEffect(() => {
    let live = true;
    void qrDetectorClass().then((found) => {
      if (live) setAvailable(Boolean(found));
    });
    return () => {
      live = false;
    };
  }, []);
  if (!available) return null;
  return (
    <div className="organizer-scanner">
      <button type="button" className="button button-secondary" aria-pressed={on} onClick={() => setOn(!on)}>
        {on ? t("checkIn.scanStop") : t("checkIn.scanStart")}
      </button>
      {on ? <Camera onCode={onCode} /> : null}
    </div>
  );
}

function Camera({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation("organizer");
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  const report = useRef(onCode);
  useEffect(() => {
    report.current = onCode;
  }, [onCode]);

  useEffect(() => {
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    let last = { code: "", at: 0 };
    async function start() {
      try {
        const Detector = await qrDetectorClass();
        if (!Detector || stopped) return;
        const detector: BarcodeDetectorLike = new Detector({ formats: ["qr_code"] });
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        timer = setInterval(() => {
          const frame = video.current;
          if (!frame || frame.readyState < 2) return;
          detector.detect(frame).then(
            (found) => {
              const code = found[0] ? codeFromScan(found[0].rawValue) : "";
              const now = Date.now();
              if (!code || (code === last.code && now - last.at < SAME_CODE_PAUSE_MS)) return;
              last = { code, at: now };
              report.current(code);
            },
            () => undefined,
          );
        }, SCAN_EVERY_MS);
      } catch {
        if (!stopped) setFailed(true);
      }
    }
    void start();
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  if (failed) return <p className="notice notice-error" role="alert">{t("checkIn.cameraFailed")}</p>;
  return <video ref={video} className="organizer-video" muted playsInline aria-label={t("checkIn.cameraLabel")} />;
}
