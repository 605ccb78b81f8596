using System.Runtime.InteropServices;

namespace Forecast.Api.Jobs;

/// <summary>
/// Lowers the CPU priority of the thread that trains, so that HTTP requests and predictions, which
/// share the same cores, are scheduled first. On Linux a nice value is per thread (threads created
/// afterwards, such as libtorch's worker pool, inherit it); .NET's Thread.Priority does not change
/// it there, hence the system call. Elsewhere this does nothing.
/// </summary>
internal static partial class TrainingThreadPriority
{
    private const int PriorityProcess = 0;

    /// <param name="niceness">0 to 19; an unprivileged thread may only lower its priority, so a higher value than the thread's stays.</param>
    public static void Lower(int niceness)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        // A failure leaves the thread at normal priority, which is correct, only less polite.
        _ = SetPriority(PriorityProcess, GetThreadId(), niceness);
    }

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
}
