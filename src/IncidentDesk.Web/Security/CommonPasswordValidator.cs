using System.Collections.Frozen;
using IncidentDesk.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Security;

/// <summary>
/// Refuses passwords that are long enough but guessable: well-known leaked passwords, keyboard walks,
/// one character repeated, or the person's own e-mail. Length (≥ 12) is Identity's own rule.
/// </summary>
internal sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> l) : IPasswordValidator<AppUser>
{
    // Passwords of 12+ characters that lead public breach lists, plus Portuguese variants a Brazilian team would try.
    private static readonly FrozenSet<string> Common = new[]
    {
        "123456789012", "1234567890123", "12345678901234", "123456789123", "123123123123", "111111111111",
        "000000000000", "121212121212", "abcdefghijkl", "abc123abc123", "qwertyuiopas", "qwertyuiop123",
        "qwertyuiop12", "1q2w3e4r5t6y", "1qaz2wsx3edc", "zaq12wsxcde3", "asdfghjkl123", "passwordpassword",
        "password1234", "password12345", "password123!", "passw0rd1234", "iloveyou1234", "letmein12345",
        "welcome12345", "administrator", "administrador", "admin1234567", "changeme1234", "trustno11234",
        "senha1234567", "senhasenha12", "senha123senha", "minhasenha123", "minhasenha12", "mudar1234567",
        "mudar@123456", "brasil123456", "brasil2024!!", "brasil2025!!", "brasil2026!!", "flamengo1234",
        "corinthians12", "palmeiras123", "saopaulo1234", "cooperativa1", "cooperativa123", "saude1234567",
        "incidentdesk", "incidentdesk1", "incidentdesk123", "correcthorsebatterystaple",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var emailName = user.Email?.Split('@')[0];
        var guessable = Common.Contains(password)
            || password.Distinct().Count() <= 2
            || (!string.IsNullOrEmpty(emailName) && emailName.Length >= 4 && password.Contains(emailName, StringComparison.OrdinalIgnoreCase));
        return Task.FromResult(guessable
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = l["Identity.PasswordTooCommon"] })
            : IdentityResult.Success);
    }
}
