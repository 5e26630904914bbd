import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useT } from '../../i18n/i18n.js';
import { uploadsMessages } from './uploads-messages.js';

/**
 * A place to drop a file with the mouse. It only adds a way: the file input inside it (a real,
 * labelled control) is how keyboard and screen-reader users choose the file.
 */
export const DropZone = ({
  onFile,
  disabled,
  children,
}: {
  onFile: (file: File) => void;
  disabled: boolean;
  children: ComponentChildren;
}) => {
  const t = useT(uploadsMessages);
  const [over, setOver] = useState(false);
  const accept = (e: DragEvent) => {
    if (disabled || !e.dataTransfer?.types.includes('Files')) return false;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    return true;
  };
  return (
    <div
      class={`st-drop${over ? ' st-drop-over' : ''}`}
      onDragEnter={(e) => accept(e) && setOver(true)}
      onDragOver={(e) => accept(e)}
      onDragLeave={(e) => {
        // Leaving for a child of the zone is not leaving the zone.
        if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        setOver(false);
        if (!accept(e)) return;
        const file = e.dataTransfer?.files[0];
        if (file) onFile(file);
      }}
    >
      <p aria-hidden="true">{over ? t('dropActive') : t('drop')}</p>
      {children}
    </div>
  );
};
