namespace IncidentDesk.Web.Operators;

/// <summary>
/// The operators' command line (<c>dotnet run --project src/IncidentDesk.Web -- users …</c> / <c>-- audit verify</c>):
/// same entry point and database as the app, never reachable over HTTP.
/// </summary>
internal static class OperatorCommandLine
{
    public static bool IsCommand(string[] args) => false;

    public static Task<int> RunAsync(WebApplication app, string[] args) => Task.FromResult(0);
}
