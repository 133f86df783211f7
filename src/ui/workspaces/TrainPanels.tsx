import { useState } from 'react';
import { useTraining } from '../../state/trainingStore.ts';
import { LessonAuthor } from '../training/LessonAuthor.tsx';
import { LessonPicker } from '../training/LessonPicker.tsx';
import { LessonPlayer } from '../training/LessonPlayer.tsx';
import { LessonReportPanel } from '../training/LessonReportPanel.tsx';
import '../training/training.css';

/** Training mode: pick a lesson and play it with its guided steps, decisions and alarms; see the score and debrief; author lessons. */
export function TrainPanels() {
  const status = useTraining((s) => s.status);
  const [authoring, setAuthoring] = useState(false);
  if (authoring) return <LessonAuthor onClose={() => setAuthoring(false)} />;
  if (status === 'report') return <LessonReportPanel />;
  if (status === 'playing' || status === 'judging' || status === 'feedback' || status === 'finishing') return <LessonPlayer />;
  return <LessonPicker onAuthor={() => setAuthoring(true)} />;
}
