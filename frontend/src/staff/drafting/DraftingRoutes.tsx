import { lazy } from "react";
import { Route, Routes } from "react-router";

const NotFound = lazy(() => import("../../pages/NotFound"));

export default function DraftingRoutes() {
  return (
    <Routes>
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
