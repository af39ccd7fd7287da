namespace AstroBench.Core.Running;

/// <summary>
/// Which build of the lab's scoring code is running: the module version id of AstroBench.Core (deterministic
/// builds give the same id for the same source). A checkpoint records it; a resume with other code refuses,
/// since inputs, metrics or file layouts might differ from what the first segment wrote.
/// </summary>
public static class LabBuild
{
    public static string Id { get; } = typeof(LabBuild).Assembly.ManifestModule.ModuleVersionId.ToString("D");
}
