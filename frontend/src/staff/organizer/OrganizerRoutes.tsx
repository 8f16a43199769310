import { lazy } from "react";
import { Route, Routes } from "react-router";

const NotFound = lazy(() => import("../../pages/NotFound"));

export default function OrganizerRoutes() {
  return (
    <Routes>
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
