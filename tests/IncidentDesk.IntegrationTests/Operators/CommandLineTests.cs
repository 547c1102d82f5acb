namespace IncidentDesk.IntegrationTests.Operators;

[Collection(OperatorHostGroup.Name)]
public sealed class CommandLineTests(OperatorHostFixture fixture)
{
    [Theory]
    [InlineData("users")]
    [InlineData("users", "remove", "--email", "a@b.example")]
    [InlineData("audit", "erase")]
    [InlineData("users", "add", "--role", "Auditor")]
    [InlineData("users", "token", "--email", "a@b.example")]
    [InlineData("users", "deactivate", "--email")]
    [InlineData("users", "deactivate", "--emial", "a@b.example")]
    [InlineData("users", "list", "extra")]
    public async Task An_unknown_command_or_a_missing_option_prints_the_usage_and_exits_64(params string[] args)
    {
        var before = await fixture.CountAsync();

        var result = await OperatorCli.RunAsync(fixture.Host, args);

        Assert.Equal(64, result.ExitCode);
        Assert.Contains("users add --email E --role R", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
        Assert.Equal(before, await fixture.CountAsync());
    }

    [Fact]
    public async Task Host_settings_on_the_same_command_line_are_left_to_the_host()
    {
        var result = await OperatorCli.RunAsync(fixture.Host, "users", "list", "--contentRoot", "/tmp", "--Logging:LogLevel:Default=Error");

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task Audit_verify_reports_an_intact_chain_with_exit_code_0()
    {
        var result = await OperatorCli.RunAsync(fixture.Host, "audit", "verify");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^intact: \d+ entries$", result.Output.Trim());
    }

    [Theory]
    [InlineData(new[] { "users", "list" }, true)]
    [InlineData(new[] { "audit", "verify" }, true)]
    [InlineData(new[] { "Users" }, true)]
    [InlineData(new[] { "--urls", "http://localhost:5090" }, false)]
    [InlineData(new string[] { }, false)]
    public void Only_users_and_audit_are_operator_commands(string[] args, bool expected) =>
        Assert.Equal(expected, Web.Operators.OperatorCommandLine.IsCommand(args));
}
