namespace NspPortal.TestSupport;

/// <summary>Where things are in the checkout, found from the test's working directory.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder that holds NspPortal.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary><c>TestResults/</c> at the repository root: screenshots and artefacts CI keeps.</summary>
    public static string TestResults(params string[] parts) =>
        Directory.CreateDirectory(Path.Combine([Root, "TestResults", .. parts])).FullName;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NspPortal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"NspPortal.sln not found above {AppContext.BaseDirectory}.");
    }
}
