namespace MagLearn.Bot.Hosting;

/// <summary>Finds a data folder (content/, dialogs/) named by a relative path, from a start folder upwards.</summary>
public static class DataFolder
{
    public static string Resolve(string path, string start)
    {
        if (Path.IsPathRooted(path)) return Path.GetFullPath(path);
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, path);
            if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        return Path.GetFullPath(Path.Combine(start, path));
    }
}
