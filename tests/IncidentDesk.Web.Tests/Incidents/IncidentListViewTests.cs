using IncidentDesk.Core.Incidents;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Incidents.List;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace IncidentDesk.Web.Tests.Incidents;

/// <summary>
/// The view a shared incident-list link carries: it must come back exactly as it was sent, whatever order the
/// values were written in, and a malformed link must open a sensible view instead of an error.
/// </summary>
public sealed class IncidentListViewTests : MudComponentTestBase
{
    private static IncidentListView Parse(string query, bool coopFilters = true) =>
        IncidentListView.Parse(QueryHelpers.ParseQuery(query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString()), coopFilters);

    [Fact]
    public void TheIssuesExampleLinkOpensExactlyThatViewAndWritesBackTheSameLink()
    {
        const string link = "?q=kafka&status=Triage,Investigating&uf=SP&from=2026-04-01&sort=reference&dir=asc&page=2";

        var view = Parse(link);

        Assert.Equal("kafka", view.Text);
        Assert.Equal([IncidentStatus.Triage, IncidentStatus.Investigating], view.Statuses);
        Assert.Equal("SP", view.Uf);
        Assert.Equal(new DateOnly(2026, 4, 1), view.From);
        Assert.Null(view.To);
        Assert.Equal(IncidentSort.Reference, view.Sort);
        Assert.False(view.Descending);
        Assert.Equal(1, view.Page);
        Assert.Equal(link, view.ToQueryString());
    }

    [Fact]
    public void EveryFilterReachesTheServiceQuery()
    {
        var view = Parse("?q=%20vazamento%20&status=Closed&severity=High,Critical&source=Press&coop=12&uf=mg&from=2026-01-01&to=2026-01-31"
            + "&sort=severity&dir=desc&page=3&size=50");

        var query = view.ToQuery();

        Assert.Equal("vazamento", query.Text);
        Assert.Equal([IncidentStatus.Closed], query.Statuses);
        Assert.Equal([IncidentSeverity.Critical, IncidentSeverity.High], query.Severities);
        Assert.Equal(ReportSource.Press, query.Source);
        Assert.Equal(12, query.CoopId);
        Assert.Equal("MG", query.Uf);
        Assert.Equal(new DateOnly(2026, 1, 1), query.From);
        Assert.Equal(new DateOnly(2026, 1, 31), query.To);
        Assert.Equal(IncidentSort.Severity, query.Sort);
        Assert.True(query.Descending);
        Assert.Equal(2, query.Page);
        Assert.Equal(50, query.PageSize);
    }

    [Fact]
    public void TheSameViewWrittenDifferentlyIsTheSameView()
    {
        var one = Parse("?status=Triage,Reported&severity=Low,Critical&sort=reported&dir=desc&page=1&size=25");
        var other = Parse("?severity=critical,low,low&status=reported,TRIAGE");

        Assert.Equal(one, other);
        Assert.Equal(one.GetHashCode(), other.GetHashCode());
        Assert.Equal("?status=Reported,Triage&severity=Critical,Low", one.ToQueryString());
        Assert.NotEqual(one, one with { Page = 1 });
    }

    [Fact]
    public void TheDefaultViewIsNewestFirstOnPageOneWithAnEmptyQueryString()
    {
        var view = Parse("");

        Assert.Equal(new IncidentListView(), view);
        Assert.Equal("", view.ToQueryString());
        Assert.False(view.HasFilters);
        Assert.Equal(IncidentSort.ReportedAt, view.Sort);
        Assert.True(view.Descending);
        Assert.Equal(25, view.PageSize);
    }

    [Theory]
    [InlineData("?status=1,99,Bogus,<b>&severity=-1&source=7&source=Press,Other")]
    [InlineData("?uf=XX&coop=-4&coop=0&coop=1e3&from=2026-02-30&to=31/01/2026")]
    [InlineData("?sort=id;drop&dir=up&page=0&page=abc&size=1000&size=7")]
    [InlineData("?page=99999999999999999999&size=-25&q=%20%20")]
    public void MalformedValuesAreDropped(string query)
    {
        Assert.Equal(new IncidentListView(), Parse(query));
    }

    [Fact]
    public void AVeryLongSearchIsCutAndAHugePageIsIgnored()
    {
        var view = Parse($"?q={new string('a', 5000)}&page=100001");

        Assert.Equal(IncidentListView.MaxTextLength, view.Text!.Length);
        Assert.Equal(0, view.Page);
    }

    [Fact]
    public void ALiaisonsLinkCarriesNoCoopOrUfFilter()
    {
        var view = Parse("?coop=7&uf=SP&status=Triage", coopFilters: false);

        Assert.Null(view.CoopId);
        Assert.Null(view.Uf);
        Assert.Equal([IncidentStatus.Triage], view.Statuses);
    }

    [Fact]
    public void ClearingFiltersKeepsSortAndPageSizeAndGoesBackToTheFirstPage()
    {
        var view = Parse("?q=x&status=Closed&coop=3&from=2026-01-01&sort=title&dir=asc&page=4&size=100");

        Assert.Equal("?sort=title&dir=asc&size=100", view.WithoutFilters().ToQueryString());
    }

    [Fact]
    public void ABrandNewRegisterInvitesNoFilterClearing()
    {
        var cut = RenderWithMud<IncidentListEmpty>(p => p.Add(c => c.Filtered, false).Add(c => c.Liaison, false));

        Assert.Equal("Nenhum incidente registrado ainda.", cut.Find("[data-testid=incident-empty-text]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=incident-empty-clear]"));
    }
}
