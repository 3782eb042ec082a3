// A QR code image of `text`; the square keeps its size while the code renders, so nothing moves.
import { useEffect, useState } from 'react';
import { qrDataUrl } from '../lib/qr.ts';
import './QrImage.css';

export function QrImage({
  text,
  alt,
  className,
}: {
  text: string | undefined;
  alt: string;
  className?: string;
}) {
  const [rendered, setRendered] = useState<{ text: string; src: string } | null>(null);

  useEffect(() => {
    if (!text) return;
    let live = true;
    qrDataUrl(text).then(
      (src) => live && setRendered({ text, src }),
      () => live && setRendered(null),
    );
    return () => {
      live = false;
    };
  }, [text]);

  const src = rendered && rendered.text === text ? rendered.src : null;
  return (
    <div className={className ? `qr ${className}` : 'qr'}>
      {src ? (
        <img className="qr__image" src={src} alt={alt} />
      ) : (
        <div className="qr__placeholder" aria-hidden="true" />
      )}
    </div>
  );
}
