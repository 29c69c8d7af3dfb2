// The template used when none of the managed templates matches: the four stages as shell functions
// (tao_build → tao_package → tao_test → tao_deploy) that a project's .gitlab-ci.yml calls after
// `source ./cci.sh`. It reports the build to tao and deploys the branch with TAO_TOKEN, a tao API
// token with the report-build and deploy scopes kept in the project's CI/CD variables.
export const DEFAULT_TEMPLATE_NAME = "built-in default";

/** Raw text (backslashes kept for the shell); `\${` is how the source writes the shell's `${`. */
const shell = (s: TemplateStringsArray) => s.raw.join("").replace(/\\\$\{/g, "${");

export const DEFAULT_TEMPLATE_BODY = shell`# ── stages ─────────────────────────────────────────────────────────────────────
# .gitlab-ci.yml:  build: script: [tao_build]   package: script: [tao_package]
#                  test: script: [tao_test]     deploy: script: [tao_deploy test-1]

: "\${TAO_IMAGE:=\${CI_REGISTRY_IMAGE:-}}"

tao_log() { printf '[tao] %s\n' "$*" >&2; }

# JSON string contents: backslashes and double quotes escaped.
tao_json() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g'; }

# The image tag, as tao derives it from GitLab: the tag name, or <branch>-<first 8 of the commit>.
tao_image_tag() {
  if [ -n "\${CI_COMMIT_TAG:-}" ]; then
    printf '%s' "$CI_COMMIT_TAG" | tr -c 'A-Za-z0-9_.-' '-'
  else
    ref=$(printf '%s' "\${CI_COMMIT_REF_NAME:-$TAO_BRANCH}" | tr -c 'A-Za-z0-9_.-' '-')
    printf '%s-%s' "$ref" "$(printf '%s' "\${CI_COMMIT_SHA:-0000000}" | cut -c1-8)"
  fi
}

# tao_api METHOD PATH [JSON]: calls tao with TAO_TOKEN; fails on an error answer.
tao_api() {
  if [ -z "\${TAO_TOKEN:-}" ]; then
    tao_log "TAO_TOKEN is not set: add a tao API token to the project's CI/CD variables"
    return 2
  fi
  if [ $# -ge 3 ]; then
    curl -fsS --connect-timeout 10 --max-time 120 -X "$1" -H "Authorization: Bearer $TAO_TOKEN" -H 'Content-Type: application/json' \
      --data "$3" "$TAO_URL$2"
  else
    curl -fsS --connect-timeout 10 --max-time 120 -X "$1" -H "Authorization: Bearer $TAO_TOKEN" "$TAO_URL$2"
  fi
}

# Tells tao that this commit's image exists (a build of the components mapped to this project).
tao_report_build() {
  tag="\${1:-$(tao_image_tag)}"
  project="\${CI_PROJECT_PATH:-$TAO_NAMESPACE/$TAO_PROJECT}"
  ref="\${CI_COMMIT_TAG:-\${CI_COMMIT_REF_NAME:-$TAO_BRANCH}}"
  tao_log "report build $tag of $project"
  tao_api POST /api/v1/builds \
    "{\"project\":\"$(tao_json "$project")\",\"tag\":\"$(tao_json "$tag")\",\"gitRef\":\"$(tao_json "$ref")\",\"commitSha\":\"$(tao_json "\${CI_COMMIT_SHA:-}")\"}"
}

tao_build() {
  if [ -z "$TAO_IMAGE" ]; then
    tao_log "set TAO_IMAGE (or use GitLab's container registry)"
    return 2
  fi
  tao_log "build $TAO_IMAGE:$(tao_image_tag)"
  docker build -t "$TAO_IMAGE:$(tao_image_tag)" .
}

tao_package() {
  if [ -n "\${CI_REGISTRY_PASSWORD:-}" ]; then
    printf '%s' "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"
  fi
  docker push "$TAO_IMAGE:$(tao_image_tag)"
  tao_report_build
}

# Override in a template, or set TAO_TEST_COMMAND in the project's variables.
tao_test() {
  if [ -n "\${TAO_TEST_COMMAND:-}" ]; then
    sh -c "$TAO_TEST_COMMAND"
  else
    tao_log "no tests configured (TAO_TEST_COMMAND)"
  fi
}

# tao_deploy ENVIRONMENT: deploys this branch (its feature branch, or its newest builds) there and
# follows the task's log until it ends; fails when the deployment fails. TAO_DEPLOY_WAIT=0: don't wait.
tao_deploy() {
  target="\${1:-\${TAO_DEPLOY_ENV:-}}"
  if [ -z "$target" ]; then
    tao_log "tao_deploy: name the environment, e.g. tao_deploy test-1"
    return 2
  fi
  project="\${CI_PROJECT_PATH:-$TAO_NAMESPACE/$TAO_PROJECT}"
  branch="\${CI_COMMIT_REF_NAME:-$TAO_BRANCH}"
  answer=$(tao_api POST /api/v1/cci/deploy \
    "{\"project\":\"$(tao_json "$project")\",\"branch\":\"$(tao_json "$branch")\",\"environment\":\"$(tao_json "$target")\"}") || return 1
  task=$(printf '%s' "$answer" | sed -n 's/.*"id":\([0-9][0-9]*\).*/\1/p')
  tao_log "deploying $branch to $target: $TAO_URL/tasks/$task"
  [ "\${TAO_DEPLOY_WAIT:-1}" = "1" ] || return 0
  status=$(curl -fsSN -H "Authorization: Bearer $TAO_TOKEN" "$TAO_URL/api/v1/tasks/$task/logs" |
    sed -n -e 's/^data: {"seq".*"line":"\(.*\)"}$/\1/p' -e 's/^data: {"status":"\([a-z]*\)".*/status=\1/p' |
    while IFS= read -r line; do
      case "$line" in
        status=*) printf '%s\n' "\${line#status=}" ;;
        *) printf '%s\n' "$line" >&2 ;;
      esac
    done)
  tao_log "task $task: $status"
  [ "$status" = "success" ]
}
`;
