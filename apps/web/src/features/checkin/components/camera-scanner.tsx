import { Alert, Box, Button, Group } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** How often a frame is read (a badge held up stays for a second or more), and how long one code is ignored after. */
const FRAME_MS = 200;
const SAME_CODE_MS = 4_000;
/** Frames are read at most this wide: enough for a badge QR at arm's length, cheap on a phone. */
const MAX_WIDTH = 640;

type CameraProblem = 'denied' | 'missing' | 'failed';

/**
 * The device camera, read frame by frame with jsQR (Chromium on Linux has no BarcodeDetector). jsQR loads
 * only when the camera starts. Each code read is handed to `onCode` once, until another code is read or some
 * seconds pass.
 */
export function CameraScanner(props: { onCode: (code: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const onCode = useRef(props.onCode);
  onCode.current = props.onCode;

  const stop = useCallback(() => {
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
    setRunning(false);
  }, []);

  const start = async () => {
    setProblem(null);
    if (!navigator.mediaDevices?.getUserMedia) {
      setProblem('missing');
      return;
    }
    try {
      stream.current = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment' },
        audio: false,
      });
      setRunning(true);
    } catch (error) {
      const name = error instanceof DOMException ? error.name : '';
      setProblem(name === 'NotAllowedError' ? 'denied' : name === 'NotFoundError' ? 'missing' : 'failed');
    }
  };

  useEffect(() => {
    if (!running || !video.current || !stream.current) return;
    const element = video.current;
    element.srcObject = stream.current;
    void element.play().catch(() => undefined);
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    let last = { code: '', at: 0 };
    let cancelled = false;
    let timer = 0;
    const read = async () => {
      const { default: jsQR } = await import('jsqr');
      const tick = () => {
        if (cancelled) return;
        if (context && element.readyState >= element.HAVE_CURRENT_DATA && element.videoWidth > 0) {
          const scale = Math.min(1, MAX_WIDTH / element.videoWidth);
          canvas.width = Math.round(element.videoWidth * scale);
          canvas.height = Math.round(element.videoHeight * scale);
          context.drawImage(element, 0, 0, canvas.width, canvas.height);
          const frame = context.getImageData(0, 0, canvas.width, canvas.height);
          const found = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
          const now = Date.now();
          if (found?.data && (found.data !== last.code || now - last.at > SAME_CODE_MS)) {
            last = { code: found.data, at: now };
            onCode.current(found.data);
          }
        }
        timer = window.setTimeout(tick, FRAME_MS);
      };
      tick();
    };
    void read();
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [running]);

  useEffect(() => stop, [stop]);

  return (
    <Box>
      <Group gap="sm" mb="xs">
        {running ? (
          <Button variant="default" onClick={stop} data-testid="camera-stop">
            {t('checkIn.camera.stop')}
          </Button>
        ) : (
          <Button onClick={() => void start()} data-testid="camera-start">
            {t('checkIn.camera.start')}
          </Button>
        )}
      </Group>
      {problem && (
        <Alert color="red" role="alert" data-testid="camera-problem">
          {t(`checkIn.camera.${problem}`)}
        </Alert>
      )}
      {running && (
        <video
          ref={video}
          muted
          playsInline
          aria-label={t('checkIn.camera.view')}
          data-testid="camera-view"
          style={{ width: '100%', maxWidth: 480, borderRadius: 8, background: '#000' }}
        />
      )}
    </Box>
  );
}
