using IncidentDesk.Testing;

// Every test of this suite runs on the throwaway PostgreSQL cluster: without the server binaries each one is reported as
// skipped, with the reason and the install line.
[assembly: Requires(TestServer.PostgreSql)]
