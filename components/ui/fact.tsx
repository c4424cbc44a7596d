// One labelled figure in a <dl className="facts">: the label above, the value (with its unit) below.
import type { ReactNode } from "react";

export function Fact({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd className={className}>{children}</dd>
    </div>
  );
}
