using IncidentDesk.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Security;

public sealed class PasswordPolicyTests(AppFixture app)
{
    private async Task<IReadOnlyList<IdentityError>> ErrorsFor(string password)
    {
        using var scope = app.Host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = "mariana.souza@coop.example", Email = "mariana.souza@coop.example" };
        var results = await Task.WhenAll(users.PasswordValidators.Select(v => v.ValidateAsync(users, user, password)));
        return [.. results.SelectMany(r => r.Errors)];
    }

    [Theory]
    [InlineData("onze-chars!")]             // 11 characters
    [InlineData("senha1234567")]            // on the common-password list
    [InlineData("PASSWORDPASSWORD")]        // case does not help
    [InlineData("aaaaaaaaaaaaaaaa")]        // one character repeated
    [InlineData("mariana.souza-2026")]      // contains the person's e-mail name
    public async Task Weak_passwords_are_refused_with_a_reason(string password)
    {
        var errors = await ErrorsFor(password);

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Description)));
    }

    [Theory]
    [InlineData("doze-letras!")]
    [InlineData("cavalo correto bateria grampo")]
    public async Task Long_uncommon_passwords_are_accepted(string password) => Assert.Empty(await ErrorsFor(password));
}
