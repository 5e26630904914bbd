import type { ComponentChildren } from 'preact';

/**
 * A table that scrolls sideways inside its box on a narrow screen (the page itself never does).
 * The box is a named, focusable region so the keyboard can scroll it too (axe:
 * scrollable-region-focusable); tables with their own buttons or fields need no such stop.
 */
export const TableWrap = ({
  label,
  extraClass,
  children,
}: {
  label: string;
  extraClass?: string;
  children: ComponentChildren;
}) => (
  <div
    class={extraClass ? `table-wrap ${extraClass}` : 'table-wrap'}
    role="region"
    aria-label={label}
    tabIndex={0}
  >
    {children}
  </div>
);
