import { useId, useState } from 'react';

/**
 * How to subscribe from a calendar app. The feed authenticates with `?apikey=` (calendar apps cannot send
 * headers or cookies), and the page's scripts never hold the key: the person pastes it here, the address is
 * built in this field only, and nothing is stored. The download link needs no key: this browser's session
 * cookie goes with it.
 */
export function IcalSubscribe({ start, end }: { start: string; end: string }) {
  const id = useId();
  const [key, setKey] = useState('');
  const [copied, setCopied] = useState(false);
  const feed = new URL('/api/calendar.ics', window.location.origin);
  const address = key ? `${feed.href}?apikey=${encodeURIComponent(key)}` : '';
  const copy = async () => {
    await navigator.clipboard.writeText(address);
    setCopied(true);
  };
  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Subscribe from a calendar app</h2>
      <p className="muted">
        Calendar apps fetch the feed themselves, so its address carries your API key. Paste the key to build the address (it stays in this
        field and is not saved), then add it in your app as a calendar subscription. It lists a week back and four weeks ahead.
      </p>
      <label className="field" htmlFor={`${id}-key`}>
        API key
      </label>
      <input id={`${id}-key`} type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} />
      {address && (
        <>
          <label className="field" htmlFor={`${id}-url`}>
            Feed address
          </label>
          <input id={`${id}-url`} className="mono" readOnly value={address} onFocus={(e) => e.target.select()} />
          <div className="row">
            <button type="button" className="btn btn-small" onClick={() => void copy()}>
              Copy address
            </button>
            <a className="btn btn-small" href={address.replace(/^https?:/, 'webcal:')}>
              Open in calendar app
            </a>
            {copied && <span role="status">Copied.</span>}
          </div>
        </>
      )}
      <p>
        <a href={`/api/calendar.ics?start=${start}&end=${end}`} download="reelflow.ics">
          Download these dates as an .ics file
        </a>{' '}
        <span className="muted">(no key needed: you are signed in)</span>
      </p>
    </section>
  );
}
