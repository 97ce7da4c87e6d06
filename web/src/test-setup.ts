import { configure } from "@testing-library/react";

// findBy…/waitFor give up after 1 s by default. On two busy cores a page that saves and navigates has taken longer
// while another suite ran; 5 s keeps a slow machine from failing a correct page, and a wrong one still fails.
configure({ asyncUtilTimeout: 5_000 });
