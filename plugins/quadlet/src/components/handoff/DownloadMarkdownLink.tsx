import { useApi } from '@backstage/core-plugin-api';
import { Text } from '@backstage/ui';
import Button from '@material-ui/core/Button';
import { useEffect, useState, type MouseEvent } from 'react';
import { handoffApiRef } from '../../handoff/api';

/** Saves `text` as a file through a temporary link, as a download the browser names `fileName`. */
function saveText(text: string, fileName: string) {
  const url = URL.createObjectURL(
    new Blob([text], { type: 'text/markdown;charset=utf-8' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has the bytes once the click is handled; a little later the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 5_000);
}

/**
 * "Download Markdown": the whole guide as one page (`handoff.md`). The link shows the backend's
 * address, but a click fetches it with the signed-in user's token (a plain navigation would
 * carry none) and saves it.
 */
export function DownloadMarkdownLink(props: { box: string }) {
  const { box } = props;
  const api = useApi(handoffApiRef);
  const [href, setHref] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const fileName = `${box}-handoff.md`;

  useEffect(() => {
    let current = true;
    api.markdownUrl(box).then(
      url => current && setHref(url),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, box]);

  const onClick = async (event: MouseEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      saveText(await api.getMarkdown(box), fileName);
    } catch (error) {
      setProblem(`Download failed: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <span>
      <Button
        component="a"
        href={href ?? '#'}
        download={fileName}
        onClick={onClick}
        variant="outlined"
        size="small"
        color="primary"
        disabled={busy}
        style={{ textTransform: 'none' }}
      >
        {busy ? 'Downloading…' : 'Download Markdown'}
      </Button>
      {problem && (
        <Text as="p" variant="body-small" color="danger" role="alert">
          {problem}
        </Text>
      )}
    </span>
  );
}
