import { lazy } from 'react';
import { useParams } from 'react-router';
import { LibrariesIndex } from './LibrariesIndex';
import { LibraryTitles } from './LibraryTitles';
import './library.css';

const TitlePage = lazy(() => import('./title/TitlePage'));

/** /library: the libraries; /libraries/:libraryId: one library's titles; /movies/:titleId, /shows/:titleId: a title. */
export default function LibraryPage() {
  const { libraryId, titleId } = useParams();
  if (titleId) return <TitlePage key={titleId} titleId={titleId} />;
  if (libraryId) return <LibraryTitles key={libraryId} libraryId={libraryId} />;
  return <LibrariesIndex />;
}
