extension StarterSite {
    /// The handbook action a new site's workflow uses, as `owner/repository@version`: change it here when the
    /// repository moves or a new version is tagged (this repository's `action.yml`).
    static let actionReference = "handbook-wiki/handbook@v1"

    /// `.github/workflows/handbook.yml` of a new site: check pull requests, build and publish `main` to GitHub Pages.
    static let workflow = """
        # Checks every pull request, with GitHub annotations on the lines at fault, and publishes public/ from main.
        # Only the last job is specific to GitHub Pages (turn Pages on with "GitHub Actions" as the source);
        # the artifact handbook-site of every build is the site to read offline (unzip it, open index.html).
        name: handbook

        on:
          pull_request:
          push:
            branches: [main]
          workflow_dispatch:

        permissions:
          contents: read

        # One publish at a time; a newer push cancels an older run of the same branch.
        concurrency:
          group: handbook-${{ github.ref }}
          cancel-in-progress: true

        jobs:
          site:
            name: Check (pull requests) or build (main) the site
            runs-on: ubuntu-24.04
            # The action builds handbook with this Swift toolchain (once per version, then cached).
            container: swift:6.3-noble
            steps:
              - uses: actions/checkout@v4
                with:
                  # Page dates come from Git history: a shallow clone would give every page the same date.
                  fetch-depth: 0
              # On a pull request: `handbook check --strict --format github`. Otherwise: `handbook build`.
              - uses: \(actionReference)
                # with:
                #   content: content
                #   templates: templates
                #   output: public
              - if: github.event_name != 'pull_request' && github.ref == 'refs/heads/main'
                uses: actions/upload-pages-artifact@v3
                with:
                  path: public

          deploy:
            name: Publish to GitHub Pages
            needs: site
            if: github.event_name != 'pull_request' && github.ref == 'refs/heads/main'
            runs-on: ubuntu-24.04
            permissions:
              pages: write
              id-token: write
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - id: deployment
                uses: actions/deploy-pages@v4

        """
}
