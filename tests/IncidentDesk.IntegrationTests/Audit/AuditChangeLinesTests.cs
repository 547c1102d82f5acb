using IncidentDesk.Web.Features.Audit;

namespace IncidentDesk.IntegrationTests.Audit;

/// <summary>How the Audit page reads a change payload: before → after per field.</summary>
public sealed class AuditChangeLinesTests
{
    [Fact]
    public void An_update_shows_each_changed_field_from_before_to_after()
    {
        var lines = AuditChangeLines.Parse(
            """{"EncarregadoPhone":{"from":"(11) 1111-1111","to":"(11) 2222-2222"},"IsActive":{"from":true,"to":false}}""", "Coop.Updated");

        Assert.Equal(
            [new("EncarregadoPhone", "(11) 1111-1111", "(11) 2222-2222"), new AuditChangeLine("IsActive", "true", "false")],
            lines);
    }

    [Fact]
    public void A_creation_has_only_after_values_and_a_deletion_only_before_values()
    {
        const string values = """{"Name":"Coop X","CoopId":null,"Ids":[1,2]}""";

        Assert.Equal(
            [new("Name", null, "Coop X"), new("CoopId", null, null), new AuditChangeLine("Ids", null, "[1,2]")],
            AuditChangeLines.Parse(values, "Coop.Created"));
        Assert.Equal(
            [new("Name", "Coop X", null), new("CoopId", null, null), new AuditChangeLine("Ids", "[1,2]", null)],
            AuditChangeLines.Parse(values, "Coop.Deleted"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("intact, 42 entries")]
    [InlineData("{not json")]
    public void Anything_but_a_json_object_is_left_to_be_shown_as_it_is(string? changes) =>
        Assert.Null(AuditChangeLines.Parse(changes, AuditActions.AuditVerified));
}
