namespace IncidentDesk.Web.Api;

public sealed record ApiRoute(string Method, string Pattern);

/// <summary>
/// Every API endpoint, as mapped (an integration test checks this list against the app's endpoints, so it
/// cannot drift): the authorization matrix enumerates it.
/// </summary>
public static class ApiRoutes
{
    public const string Prefix = "/api";
    public const string Me = "me";
    public const string Coops = "coops";
    public const string Coop = "coops/{id:int}";
    public const string Incidents = "incidents";
    public const string Incident = "incidents/{id:int}";

    public static readonly IReadOnlyList<ApiRoute> All =
    [
        new("GET", $"{Prefix}/{Me}"),
        new("GET", $"{Prefix}/{Coops}"),
        new("GET", $"{Prefix}/{Coop}"),
        new("GET", $"{Prefix}/{Incidents}"),
        new("GET", $"{Prefix}/{Incident}"),
    ];
}
