// The sidebar's survey: the open survey's form, or its results once this reader has voted.
import { ApiError, getResults, getSurvey, listOpenSurveys, vote } from '../api.js';
import { readAsVoter, withVoterToken } from '../voter.js';
import { sendingFailure } from '../views/messages.js';
import { surveyBox, surveyForm, surveyResults, surveyThanks } from '../views/survey.js';

const THANKS = 'Cảm ơn bạn đã tham gia khảo sát!';

/** The results with `message` if this reader may see them (403 otherwise), else the message alone. */
async function resultsOrMessage(survey, myVote, message) {
  try {
    return surveyResults(survey, await readAsVoter((token) => getResults(survey.id, token)), myVote, message);
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return surveyThanks(survey, message);
    throw error;
  }
}

function voteFailure(error) {
  if (error instanceof ApiError && error.status === 422) return 'Lựa chọn không hợp lệ. Vui lòng chọn lại.';
  return sendingFailure(error, 'Chưa gửi được phiếu. Vui lòng thử lại.');
}

/** After a 409: voted already (another tab, another visit) or closed meanwhile; where it stands. */
async function afterRefusal(survey) {
  const current = await readAsVoter((token) => getSurvey(survey.id, token));
  return current.myVote
    ? resultsOrMessage(current, current.myVote, 'Bạn đã tham gia khảo sát này rồi. Mỗi người chỉ bình chọn một lần.')
    : surveyThanks(current, 'Khảo sát đã kết thúc.');
}

async function castVote(box, survey, optionIds, say) {
  say('Đang gửi phiếu…', true);
  try {
    const receipt = await withVoterToken((token) => vote(survey.id, optionIds, token));
    box.showResults(receipt.results
      ? surveyResults(survey, receipt.results, receipt.optionIds, THANKS)
      : surveyThanks(survey, THANKS));
  } catch (error) {
    try {
      if (!(error instanceof ApiError && error.status === 409)) throw error;
      box.showResults(await afterRefusal(survey));
    } catch (failure) {
      say(voteFailure(failure));
    }
  }
}

/** The form; for a survey whose results everyone may see, with a way to look first. */
function showForm(box, survey) {
  const peek = survey.resultsVisibility === 'always' ? async (say) => {
    try {
      const results = await getResults(survey.id, null);
      box.showResults(surveyResults(survey, results, [], null, () => showForm(box, survey)));
    } catch (error) {
      say(sendingFailure(error, 'Chưa xem được kết quả. Vui lòng thử lại.'));
    }
  } : null;
  box.show(surveyForm(survey, (optionIds, say) => castVote(box, survey, optionIds, say), peek));
}

/** Fills `aside` with the open survey, if there is one. */
export async function showSurvey(aside) {
  const { items } = await listOpenSurveys();
  if (items.length === 0) return;
  const survey = await readAsVoter((token) => getSurvey(items[0].id, token));
  const box = surveyBox();
  if (survey.myVote) box.show(await resultsOrMessage(survey, survey.myVote, 'Bạn đã tham gia khảo sát này.'));
  else showForm(box, survey);
  aside.append(box.element);
  aside.hidden = false;
}
