using System.Diagnostics;
using System.Threading.Channels;

namespace NspPortal.TestSupport;

/// <summary>A process a test starts (<c>dotnet some.dll …</c>), whose output it reads line by line and which it can stop
/// the hard way (<see cref="KillHard"/>: SIGKILL, as <c>kill -9</c> — no finally blocks, no flushing, no goodbye) or the
/// polite way (<see cref="TerminateAsync"/>: SIGTERM, as a container runtime or systemd does).</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Channel<string> lines = Channel.CreateUnbounded<string>();
    private readonly List<string> seen = [];

    private ChildProcess(Process process) => this.process = process;

    /// <summary>Everything the process printed so far (stdout and stderr).</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (seen)
            {
                return [.. seen];
            }
        }
    }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Starts <c>dotnet <paramref name="dll"/> <paramref name="arguments"/></c>.</summary>
    public static ChildProcess StartDotnet(string dll, IEnumerable<string> arguments, IDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Add(e.Data);
        process.ErrorDataReceived += (_, e) => child.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for a line matching <paramref name="match"/>; fails with the output so far when the process ends or
    /// <paramref name="timeout"/> passes first.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (await lines.Reader.WaitToReadAsync(cancel.Token))
            {
                while (lines.Reader.TryRead(out var line))
                {
                    if (match(line))
                    {
                        return line;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        throw new TimeoutException($"No matching line within {timeout} (exited: {process.HasExited}). Output:\n{string.Join('\n', Output)}");
    }

    /// <summary>SIGKILL: the process dies at once, wherever it is.</summary>
    public async Task KillHard()
    {
        process.Kill(entireProcessTree: false); // SIGKILL on Linux
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, then waits up to <paramref name="timeout"/> for the process to end by itself; returns its exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            lines.Writer.TryComplete();
            return;
        }

        lock (seen)
        {
            seen.Add(line);
        }

        lines.Writer.TryWrite(line);
    }
}
