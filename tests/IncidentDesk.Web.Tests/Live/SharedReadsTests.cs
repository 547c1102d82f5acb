using IncidentDesk.Data;
using IncidentDesk.Web.Features.Live;

namespace IncidentDesk.Web.Tests.Live;

/// <summary>
/// Who may share a read (<see cref="SharedReadKey.For"/>) and what a shared read gives each page that asked for it. The
/// same over the real database and the matrix's service: IntegrationTests' SharedMatrixReadTests.
/// </summary>
public sealed class SharedReadsTests
{
    private static readonly CoopScope Officer = CoopScope.For(officer: true, auditor: false, liaison: false, liaisonCoopId: null);
    private static readonly CoopScope Auditor = CoopScope.For(officer: false, auditor: true, liaison: false, liaisonCoopId: null);

    private static CoopScope Liaison(int coopId) => CoopScope.For(officer: false, auditor: false, liaison: true, liaisonCoopId: coopId);

    [Fact]
    public void Officers_and_auditors_read_the_same_rows_and_share_liaisons_share_only_within_their_coop()
    {
        Assert.Equal(SharedReadKey.For(Officer, "cells", 5), SharedReadKey.For(Auditor, "cells", 5));
        Assert.Equal(SharedReadKey.For(Liaison(12), "cells", 5), SharedReadKey.For(Liaison(12), "cells", 5));
        Assert.NotEqual(SharedReadKey.For(Liaison(12), "cells", 5), SharedReadKey.For(Liaison(13), "cells", 5));
        Assert.NotEqual(SharedReadKey.For(Officer, "cells", 5), SharedReadKey.For(Liaison(12), "cells", 5));
        Assert.NotEqual(SharedReadKey.For(Officer, "cells", 5), SharedReadKey.For(Officer, "cells", 6));
        Assert.Null(SharedReadKey.For(CoopScope.Nobody, "cells", 5)); // reads nothing, so shares nothing
    }

    [Fact]
    public async Task Pages_that_ask_while_a_read_runs_share_the_next_one_from_the_earliest_moment_any_of_them_asked_for()
    {
        var shared = new SharedReads();
        var key = SharedReadKey.For(Officer, "cells", 1)!.Value;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var asked = new List<DateTime>();
        var first = shared.ReadAsync(key, At(10), async from =>
        {
            asked.Add(from);
            await release.Task;
            return "first";
        });

        var later = At(20);
        var second = shared.ReadAsync(key, later, from => { asked.Add(from); return Task.FromResult("second"); });
        var third = shared.ReadAsync(key, At(15), from => { asked.Add(from); return Task.FromResult("third"); });
        Assert.False(second.IsCompleted || third.IsCompleted);
        release.SetResult();

        Assert.Equal("first", await first);
        Assert.Equal("second", await second); // the second page's read, made once for both
        Assert.Equal("second", await third);
        Assert.Equal([At(10), At(15)], asked);
        Assert.Equal(0, shared.Pending(key));
    }

    [Fact]
    public async Task A_failed_read_fails_the_pages_that_shared_it_and_the_next_page_reads_afresh()
    {
        var shared = new SharedReads();
        var key = SharedReadKey.For(Liaison(12), "cells", 1)!.Value;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var failing = shared.ReadAsync<string>(key, At(0), async _ =>
        {
            await release.Task;
            throw new InvalidOperationException("database gone");
        });
        var next = shared.ReadAsync<string>(key, At(0), _ => throw new TimeoutException("still gone"));
        var joined = shared.ReadAsync(key, At(0), _ => Task.FromResult("never read: joined the one before"));
        release.SetResult();

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        await Assert.ThrowsAsync<TimeoutException>(() => next);
        await Assert.ThrowsAsync<TimeoutException>(() => joined);
        Assert.Equal("afresh", await shared.ReadAsync(key, At(0), _ => Task.FromResult("afresh")));
    }

    private static DateTime At(int minute) => new DateTime(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc).AddMinutes(minute);
}
