namespace IncidentDesk.Web.Features.Coops;

public sealed record CoopQuery(
    string? Text = null, string? Uf = null, string? SortBy = null, bool Descending = false, int Page = 0, int PageSize = 25,
    string? Federation = null, CoopInvolvementFilter Involvement = CoopInvolvementFilter.Any);

/// <summary>Which co-ops the directory lists by their part in current work.</summary>
public enum CoopInvolvementFilter
{
    Any = 0,

    /// <summary>Involved in at least one incident that is neither closed nor dismissed.</summary>
    OpenIncident = 1,

    /// <summary>Has at least one campaign task not yet done (nor marked not applicable).</summary>
    OpenTasks = 2,
}

/// <summary>The directory's filters as the page keeps them in its URL.</summary>
public sealed record CoopFilters(string? Uf, string? Text, string? Federation = null, CoopInvolvementFilter Involvement = CoopInvolvementFilter.Any);

/// <summary>A federation as the directory's filter offers it.</summary>
public sealed record FederationOption(string Code, string Name);

public sealed record CoopRow(
    int Id, string Code, string Name, string Cnpj, string Uf, string City, string Federation,
    string EncarregadoName, string EncarregadoEmail, string EncarregadoPhone, bool IsActive);

public sealed record CoopPage(IReadOnlyList<CoopRow> Rows, int TotalCount);
