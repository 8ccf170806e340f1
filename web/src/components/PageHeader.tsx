import type { ReactNode } from 'react';

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="row" style={{ justifyContent: 'space-between', marginBottom: 16 }}>
      <h1>{title}</h1>
      {children && <div className="row">{children}</div>}
    </header>
  );
}
