using IncidentDesk.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace IncidentDesk.Web.Security;

/// <summary>A deactivated account cannot sign in (Identity answers "not allowed").</summary>
internal sealed class ActiveUserConfirmation : IUserConfirmation<AppUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(user.IsActive);
}
