import { PageHeader } from '../../components/PageHeader';

export default function LibraryPage() {
  return (
    <section>
      <PageHeader title="Library" />
    </section>
  );
}
