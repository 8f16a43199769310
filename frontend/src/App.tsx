import { lazy } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { SessionProvider } from "./auth/session";
import { Layout } from "./components/Layout";
import { ConsultationList } from "./pages/ConsultationList";

// The home page is in the first chunk; every other page loads when first visited. Staff screens
// (workbench, organizer console) go under /staff as lazy routes of their own, so citizens never
// download them.
const ConsultationPage = lazy(() => import("./pages/ConsultationPage"));
const StatementPage = lazy(() => import("./pages/StatementPage"));
const ReceiptLookup = lazy(() => import("./pages/ReceiptLookup"));
const MyComments = lazy(() => import("./pages/MyComments"));
const HearingList = lazy(() => import("./pages/HearingList"));
const HearingPage = lazy(() => import("./pages/HearingPage"));
const MyRegistrations = lazy(() => import("./pages/MyRegistrations"));
const InvitationPage = lazy(() => import("./pages/InvitationPage"));
const LoginPage = lazy(() => import("./pages/LoginPage"));
const RegisterPage = lazy(() => import("./pages/RegisterPage"));
const NotFound = lazy(() => import("./pages/NotFound"));
const StaffApp = lazy(() => import("./staff/StaffApp"));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<ConsultationList />} />
        <Route path="consultations/:id" element={<ConsultationPage />} />
        <Route path="consultations/:id/statement" element={<StatementPage />} />
        <Route path="receipt" element={<ReceiptLookup />} />
        <Route path="my/comments" element={<MyComments />} />
        <Route path="hearings" element={<HearingList />} />
        <Route path="hearings/:id" element={<HearingPage />} />
        <Route path="my/registrations" element={<MyRegistrations />} />
        <Route path="invitations/:token" element={<InvitationPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="staff/*" element={<StaffApp />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <AppRoutes />
      </SessionProvider>
    </BrowserRouter>
  );
}
