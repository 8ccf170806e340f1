import { Route, Routes } from 'react-router';
import { NewRequest } from './NewRequest';
import { RequestList } from './RequestList';
import { RequestDetail } from './RequestDetail';
import './requests.css';

/** Requests: the list (/requests), a new one (/requests/new) and one request with its items (/requests/:id). */
export default function RequestsPage() {
  return (
    <Routes>
      <Route index element={<RequestList />} />
      <Route path="new" element={<NewRequest />} />
      <Route path=":id" element={<RequestDetail />} />
    </Routes>
  );
}
