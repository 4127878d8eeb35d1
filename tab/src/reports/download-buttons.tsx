import { useEffect, useRef, useState } from 'react';
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api/api-client';
import { downloadReport, saveFile, type ReportFileFormat, type ReportRequest } from '../api/reports';
import { ErrorMessage } from '../components/error-message';
import { messageOf } from '../hooks/use-async';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  status: { color: tokens.colorNeutralForeground2 },
});

type DownloadState =
  | { status: 'idle' }
  | { status: 'busy'; format: ReportFileFormat }
  | { status: 'done'; fileName: string }
  | { status: 'error'; message: string };

interface DownloadButtonsProps {
  api: ApiClient;
  request: ReportRequest;
  /** A file to fetch once on mount, as a link asked. */
  autoStart?: ReportFileFormat;
  onAutoStarted?: () => void;
}

/**
 * The workbook (one sheet per table) and the summary CSV. The API wants the bearer, so each button
 * fetches the file and hands it to the browser; the outcome is announced politely.
 */
export function DownloadButtons({ api, request, autoStart, onAutoStarted }: DownloadButtonsProps) {
  const styles = useStyles();
  const [state, setState] = useState<DownloadState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const autoStarted = useRef(false);
  useEffect(() => () => controller.current?.abort(), []);
  useEffect(() => setState({ status: 'idle' }), [request.period, request.siret]);

  const download = async (format: ReportFileFormat): Promise<void> => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState({ status: 'busy', format });
    try {
      const file = await downloadReport(api, request, format, current.signal);
      if (current.signal.aborted) return;
      saveFile(file);
      setState({ status: 'done', fileName: file.fileName });
    } catch (error) {
      if (!current.signal.aborted) setState({ status: 'error', message: messageOf(error) });
    }
  };
  useEffect(() => {
    if (!autoStart || autoStarted.current) return;
    // Started on the next tick: a mount that is undone at once (React's strict mode) starts nothing,
    // and the download is not aborted by it.
    const timer = window.setTimeout(() => {
      autoStarted.current = true;
      onAutoStarted?.();
      void download(autoStart);
    }, 0);
    return () => window.clearTimeout(timer);
    // Once per mount, whatever the parent does with the address afterwards.
  }, [autoStart]);
  const busy = state.status === 'busy';
  return (
    <div>
      <div className={styles.bar}>
        <Button appearance="primary" disabledFocusable={busy} onClick={() => void download('xlsx')}>
          {busy && state.format === 'xlsx' ? 'Préparation…' : 'Télécharger le classeur Excel (XLSX)'}
        </Button>
        <Button disabledFocusable={busy} onClick={() => void download('csv')}>
          {busy && state.format === 'csv' ? 'Préparation…' : 'Télécharger la synthèse (CSV)'}
        </Button>
        <Caption1 role="status" className={styles.status}>
          {state.status === 'done' ? `Fichier « ${state.fileName} » téléchargé.` : ''}
        </Caption1>
      </div>
      {state.status === 'error' && (
        <ErrorMessage title="Téléchargement impossible." message={state.message} />
      )}
    </div>
  );
}
