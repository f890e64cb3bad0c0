// Photos and files as evidence: take or pick them, see them as thumbnails and full size, remove them, and
// see which are not yet on the server. Photos are compressed on the device before they are kept.
import { useEffect, useRef, useState } from 'react';
import type { Attachment } from '#shared/model/attachment.ts';
import { MAX_ATTACHMENT_BYTES, PHOTO_LONG_SIDE } from '#shared/model/attachment.ts';
import { useStorage, useT } from '#client/context/ledger-context.tsx';
import { useDevice } from '#client/context/device-context.tsx';
import { loadFile, saveFile } from '#client/storage/file-store.ts';
import { prepareEvidence, type Refusal } from '#client/lib/prepare-evidence.ts';
import { Dialog } from '#client/ui/dialog.tsx';
import { Errors } from './form-sections.tsx';

type Props = {
  attachments: Attachment[];
  onChange: (next: Attachment[]) => void;
  readOnly: boolean;
  actor: string;
  unsent: Map<string, { refused?: string }>;
  errors: string[];
};

const MB = 1024 * 1024;
const toMb = (bytes: number) => (bytes / MB).toFixed(1);

export function FileSection({ attachments, onChange, readOnly, actor, unsent, errors }: Props) {
  const t = useT();
  const storage = useStorage();
  const camera = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [refusals, setRefusals] = useState<string[]>([]);
  const [viewing, setViewing] = useState<Attachment | null>(null);
  const current = useRef(attachments);
  current.current = attachments;

  const describe = (r: Refusal) =>
    r.code === 'fileTooLarge'
      ? t('form.fileTooLarge', { name: r.name, size: toMb(r.size), limit: MAX_ATTACHMENT_BYTES / MB })
      : r.code === 'fileType'
        ? t('form.fileType', { name: r.name })
        : t('form.fileUnreadable', { name: r.name });

  async function add(files: FileList | null) {
    if (!files || files.length === 0) return;
    const refused: string[] = [];
    let next = current.current;
    for (const file of [...files]) {
      setBusy(file.name);
      const prepared = await prepareEvidence(file, file.name);
      if (!prepared.ok) {
        refused.push(describe(prepared.refusal));
        continue;
      }
      const { blob, hash, name, type } = prepared.file;
      if (next.some((a) => a.hash === hash)) continue;
      // Kept before the form names it: the draft and the later change refer to bytes already on the device.
      await saveFile(storage.db, { hash, blob, type, name });
      next = [...next, { hash, name, type, size: blob.size, addedAt: new Date().toISOString(), addedBy: actor }];
      onChange(next);
    }
    setBusy(null);
    setRefusals(refused);
  }

  return (
    <section className="form-section" aria-labelledby="files-title">
      <h3 id="files-title">{t('form.files')}</h3>
      {!readOnly && (
        <>
          <div className="form-row">
            <button type="button" className="button touch" onClick={() => camera.current?.click()}>
              {t('form.takePhoto')}
            </button>
            <button type="button" className="button touch" onClick={() => picker.current?.click()}>
              {t('form.pickFiles')}
            </button>
          </div>
          <input ref={camera} type="file" accept="image/*" capture="environment" hidden data-testid="camera-input" onChange={(e) => void add(e.currentTarget.files).finally(() => (e.target.value = ''))} />
          <input ref={picker} type="file" accept="image/*,application/pdf" multiple hidden data-testid="file-input" onChange={(e) => void add(e.currentTarget.files).finally(() => (e.target.value = ''))} />
          <p className="form-hint">{t('form.filesNote', { side: PHOTO_LONG_SIDE, limit: MAX_ATTACHMENT_BYTES / MB })}</p>
        </>
      )}
      {busy && <p role="status">{t('form.filePreparing', { name: busy })}</p>}
      <Errors errors={[...refusals, ...errors]} />
      <ul className="thumbs">
        {attachments.map((a) => (
          <li key={a.hash} className="thumb">
            <button type="button" className="thumb__open" aria-label={t('form.fileOpen', { name: a.name })} onClick={() => setViewing(a)}>
              <Thumbnail attachment={a} />
            </button>
            {unsent.has(a.hash) && <span className="badge badge--unsynced">{unsent.get(a.hash)?.refused ? t('form.fileRefused') : t('form.fileUnsent')}</span>}
            {!readOnly && (
              <button type="button" className="button touch" onClick={() => onChange(attachments.filter((x) => x.hash !== a.hash))}>
                {t('form.fileRemove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <Dialog open={viewing !== null} title={viewing?.name ?? t('form.fileViewer')} onClose={() => setViewing(null)} wide actions={<button type="button" className="button touch" onClick={() => setViewing(null)}>{t('form.close')}</button>}>
        {viewing && <FullView attachment={viewing} />}
      </Dialog>
    </section>
  );
}

/** The file's bytes as an object URL: from this device, else fetched from the server (and kept) when online. */
function useFileUrl(attachment: Attachment): { url: string | null; missing: boolean } {
  const storage = useStorage();
  const { sync } = useDevice();
  const [state, setState] = useState<{ url: string | null; missing: boolean }>({ url: null, missing: false });
  useEffect(() => {
    let url: string | null = null;
    let cancelled = false;
    void (async () => {
      const local = (await loadFile(storage.db, attachment.hash))?.blob;
      const blob = local ?? (await sync.fetchFile(attachment.hash, attachment.name).catch(() => null));
      if (cancelled) return;
      if (!blob) return setState({ url: null, missing: true });
      url = URL.createObjectURL(blob);
      setState({ url, missing: false });
    })();
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [storage, sync, attachment.hash, attachment.name]);
  return state;
}

function Thumbnail({ attachment }: { attachment: Attachment }) {
  const { url, missing } = useFileUrl(attachment);
  const t = useT();
  if (attachment.type === 'application/pdf') return <span className="thumb__pdf">PDF · {attachment.name}</span>;
  if (missing) return <span className="thumb__missing">{t('form.fileNotHere')}</span>;
  return url ? <img src={url} alt={attachment.name} className="thumb__img" /> : <span className="thumb__missing">…</span>;
}

function FullView({ attachment }: { attachment: Attachment }) {
  const { url, missing } = useFileUrl(attachment);
  const t = useT();
  if (missing) return <p>{t('form.fileNotHere')}</p>;
  if (!url) return <p>{t('common.loading')}</p>;
  if (attachment.type === 'application/pdf') {
    return (
      <p>
        <a href={url} download={attachment.name} className="button touch">
          {attachment.name}
        </a>
      </p>
    );
  }
  return <img src={url} alt={attachment.name} className="full-view" />;
}
