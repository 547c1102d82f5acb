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
    [InlineData("audit verify --contentRoot /srv/desk", "audit verify", "--contentRoot /srv/desk")]
    [InlineData("--contentRoot /srv/desk audit verify", "audit verify", "--contentRoot /srv/desk")]
    [InlineData("--environment Production audit --urls http://127.0.0.1:5090 verify", "audit verify", "--environment Production --urls http://127.0.0.1:5090")]
    [InlineData("--contentRoot=/srv/desk --IncidentDesk:SeedDemo false users list", "users list", "--contentRoot=/srv/desk --IncidentDesk:SeedDemo false")]
    [InlineData("--urls http://127.0.0.1:5090 backup /var/backups/desk.db", "backup /var/backups/desk.db", "--urls http://127.0.0.1:5090")]
    [InlineData("users token --email a@b.example --Logging:LogLevel:Default=Error --name ci", "users token --email a@b.example --name ci", "--Logging:LogLevel:Default=Error")]
    [InlineData("users token --email=a@b.example --name ci --allow-before-2fa --contentRoot /srv", "users token --email=a@b.example --name ci --allow-before-2fa", "--contentRoot /srv")]
    [InlineData("Users list ConnectionStrings:IncidentDesk=x.db", "Users list", "ConnectionStrings:IncidentDesk=x.db")]
    [InlineData("users deactivate --emial a@b.example", "users deactivate --emial a@b.example", "")]
    public void Host_options_and_the_command_are_told_apart_in_any_order(string line, string command, string host)
    {
        var invocation = Web.Operators.Invocation.Read(line.Split(' '));

        Assert.Equal(Web.Operators.InvocationKind.Command, invocation.Kind);
        Assert.Equal(command, string.Join(' ', invocation.CommandArgs));
        Assert.Equal(host, string.Join(' ', invocation.HostArgs));
    }

    [Theory]
    [InlineData("", "Serve")]
    [InlineData("--urls http://localhost:5090", "Serve")]
    [InlineData("--environment Production --IncidentDesk:SeedDemo=false --contentRoot /srv/desk", "Serve")]
    [InlineData("--contentRoot /srv/desk audti verify", "UnknownVerb")]
    [InlineData("serve --urls http://localhost:5090", "UnknownVerb")]
    [InlineData("--help", "Help")]
    [InlineData("help", "Help")]
    [InlineData("-h", "Help")]
    public void Without_a_verb_the_server_starts_and_any_other_word_is_refused(string line, string expected)
    {
        var invocation = Web.Operators.Invocation.Read(line.Length == 0 ? [] : line.Split(' '));

        Assert.Equal(expected, invocation.Kind.ToString());
        if (invocation.Kind == Web.Operators.InvocationKind.Serve)
        {
            Assert.Equal(line, string.Join(' ', invocation.HostArgs)); // the server gets its arguments untouched
        }
    }

    [Fact]
    public async Task An_unknown_verb_lists_the_verbs_and_exits_64()
    {
        var result = await OperatorCli.RunAsync(fixture.Host, "--contentRoot", "/tmp", "audti", "verify");

        Assert.Equal(64, result.ExitCode);
        Assert.StartsWith("Unknown command 'audti'. The verbs are: users, audit, backup, restore", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task A_host_option_before_the_command_runs_the_command()
    {
        var result = await OperatorCli.RunAsync(fixture.Host, "--contentRoot", "/tmp", "--environment", "Development", "audit", "verify");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^intact: \d+ entries$", result.Output.Trim());
    }
}
