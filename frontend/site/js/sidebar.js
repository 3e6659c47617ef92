// The sidebar's survey: the open survey's form, or its results once this reader has voted.
import { ApiError, ApiUnreachable, getResults, getSurvey, listOpenSurveys, vote } from './api.js';
import { readAsVoter, withVoterToken } from './voter.js';
import { surveyBox, surveyForm, surveyResults, surveyThanks } from './views/survey.js';

const THANKS = 'Cảm ơn bạn đã tham gia khảo sát!';

/** The results with `message` if this reader may see them (403 otherwise), else the message alone. */
async function resultsOrMessage(survey, myVote, token, message) {
  try {
    return surveyResults(survey, await getResults(survey.id, token), myVote, message);
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return surveyThanks(survey, message);
    throw error;
  }
}

function voteFailure(error) {
  if (error instanceof ApiUnreachable) return 'Không kết nối được với máy chủ. Vui lòng thử lại.';
  if (error instanceof ApiError && error.status === 429) return 'Bạn gửi quá nhanh. Vui lòng thử lại sau ít giây.';
  if (error instanceof ApiError && error.status === 422) return 'Lựa chọn không hợp lệ. Vui lòng chọn lại.';
  return 'Chưa gửi được phiếu. Vui lòng thử lại.';
}

function focusResults(box) {
  const results = box.querySelector('.survey-results');
  results.tabIndex = -1;
  results.focus();
}

async function castVote(survey, optionIds, say, box) {
  say('Đang gửi phiếu…', true);
  try {
    const receipt = await withVoterToken((token) => vote(survey.id, optionIds, token));
    box.show(receipt.results
      ? surveyResults(survey, receipt.results, receipt.optionIds, THANKS)
      : surveyThanks(survey, THANKS));
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 409)) {
      say(voteFailure(error));
      return;
    }
    // Voted already (another tab, another visit) or closed meanwhile: say so and show where it stands.
    const current = await readAsVoter((token) => getSurvey(survey.id, token));
    box.show(current.myVote
      ? await readAsVoter((token) => resultsOrMessage(current, current.myVote, token,
        'Bạn đã bình chọn khảo sát này rồi. Mỗi người chỉ bình chọn một lần.'))
      : surveyThanks(current, 'Khảo sát đã kết thúc.'));
  }
  focusResults(box.box);
}

/** Fills `aside` with the open survey, if there is one. */
export async function showSurvey(aside) {
  const { items } = await listOpenSurveys();
  if (items.length === 0) return;
  const survey = await readAsVoter((token) => getSurvey(items[0].id, token));
  const box = surveyBox();
  box.show(survey.myVote
    ? await readAsVoter((token) => resultsOrMessage(survey, survey.myVote, token, 'Bạn đã tham gia khảo sát này.'))
    : surveyForm(survey, (optionIds, say) => castVote(survey, optionIds, say, box)));
  aside.append(box.box);
}
