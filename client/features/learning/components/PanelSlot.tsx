import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseDTO } from '@shared/learning/types';
import { Spinner } from '../../../components/Spinner';

type PanelProps = { course: CourseDTO; courseId: string };
type PanelModule = Record<string, ComponentType<PanelProps> | undefined>;

// Panels of the discussion folder, found at build time: a panel that is not there (yet) shows a
// note instead of breaking the build (that folder is written in parallel).
const panels = import.meta.glob<PanelModule>('../discussion/*Panel.tsx');
const none: ComponentType<PanelProps> = () => null;

/** `discussion/<name>.tsx` lazily: its default export or the export named `<name>`. */
function panel(name: string): ComponentType<PanelProps> | null {
  const load = panels[`../discussion/${name}.tsx`];
  if (!load) return null;
  return lazy(async () => {
    const mod = await load();
    return { default: mod.default ?? mod[name] ?? none };
  });
}

const slots = {
  DiscussionPanel: panel('DiscussionPanel'),
  AnnouncementsPanel: panel('AnnouncementsPanel'),
};

/** The course page's "Diskussion" or "Ankündigungen" tab (V1's panels). */
export function PanelSlot({ name, course }: { name: keyof typeof slots; course: CourseDTO }) {
  const { t } = useTranslation('learning');
  const Panel = slots[name];
  if (!Panel) return <p>{t('course.panelMissing')}</p>;
  return (
    <Suspense fallback={<Spinner />}>
      <Panel course={course} courseId={course.id} />
    </Suspense>
  );
}
