namespace IncidentDesk.Web.Api;

public sealed record ApiRoute(string Method, string Pattern);

/// <summary>
/// Every API endpoint, as mapped (an integration test checks this list against the app's endpoints and the OpenAPI
/// document, so it cannot drift): the authorization matrix enumerates it. A later version goes under its own prefix.
/// </summary>
public static class ApiRoutes
{
    public const string Prefix = "/api/v1";
    public const string Me = "me";
    public const string Coops = "coops";
    public const string Coop = "coops/{id:int}";
    public const string Incidents = "incidents";
    public const string Incident = "incidents/{id:int}";
    public const string Transitions = "incidents/{id:int}/transitions";
    public const string Figures = "incidents/{id:int}/figures";
    public const string Figure = "incidents/{id:int}/figures/{figureId:int}";
    public const string Involvements = "incidents/{id:int}/involvements";
    public const string Involvement = "incidents/{id:int}/involvements/{coopId:int}";
    public const string Timeline = "incidents/{id:int}/timeline";
    public const string Tasks = "tasks";
    public const string Task = "tasks/{id:int}";
    public const string Deadlines = "deadlines";
    public const string IncidentDeadlines = "incidents/{id:int}/deadlines";
    public const string IncidentCampaigns = "incidents/{id:int}/campaigns";
    public const string CampaignCancellation = "campaigns/{id:int}/cancellation";

    public static readonly IReadOnlyList<ApiRoute> All =
    [
        new("GET", $"{Prefix}/{Me}"),
        new("GET", $"{Prefix}/{Coops}"),
        new("GET", $"{Prefix}/{Coop}"),
        new("GET", $"{Prefix}/{Incidents}"),
        new("POST", $"{Prefix}/{Incidents}"),
        new("GET", $"{Prefix}/{Incident}"),
        new("PUT", $"{Prefix}/{Incident}"),
        new("POST", $"{Prefix}/{Transitions}"),
        new("GET", $"{Prefix}/{Figures}"),
        new("POST", $"{Prefix}/{Figures}"),
        new("PUT", $"{Prefix}/{Figure}"),
        new("GET", $"{Prefix}/{Involvements}"),
        new("POST", $"{Prefix}/{Involvements}"),
        new("PUT", $"{Prefix}/{Involvement}"),
        new("GET", $"{Prefix}/{Timeline}"),
        new("POST", $"{Prefix}/{Timeline}"),
        new("GET", $"{Prefix}/{Tasks}"),
        new("GET", $"{Prefix}/{Task}"),
        new("PATCH", $"{Prefix}/{Task}"),
        new("GET", $"{Prefix}/{Deadlines}"),
        new("GET", $"{Prefix}/{IncidentDeadlines}"),
        new("POST", $"{Prefix}/{IncidentCampaigns}"),
        new("POST", $"{Prefix}/{CampaignCancellation}"),
    ];
}
